const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids are checked before raw SQL casts them to ::uuid, so a malformed one is "not found", not a PostgreSQL error. */
export const isUuid = (value: string): boolean => UUID.test(value)
