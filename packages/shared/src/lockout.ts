/**
 * Wrong passwords in a row that lock an employee's link, and for how long: the API enforces it,
 * the login screen counts down 「あと N 回」. No zod here: the login screen is the first load.
 */
export const LOGIN_LOCKOUT = { maxFailedLogins: 5, minutes: 15 } as const
