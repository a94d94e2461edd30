/** The detail route of one measure, as the inbox's action_route names it (measures §11). */
export const measurePath = (id: string) => `/measures/${id}`
