/// <reference types="vite/client" />
// tsconfig sets `types: []`; this brings Vite's declarations for CSS side-effect imports and import.meta.env.
