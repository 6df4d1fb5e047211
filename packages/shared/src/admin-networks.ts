/**
 * The console's network allow-lists: one for the installation (the whole console, sign-in
 * included) and one per company (that company's data). An empty list allows every address.
 * Entries are IPv4/IPv6 addresses or CIDRs; the shape is checked here, the address itself by
 * the server (node:net), which answers VALIDATION with the entries it refused.
 */
import { z } from 'zod'

export const NETWORK_LIMITS = { maxEntries: 100, maxEntryLength: 50 } as const

/** `198.51.100.7`, `198.51.100.0/24`, `2001:db8::/32`: hex digits, dots and colons, a prefix without leading zeros. */
export const networkEntrySchema = z
  .string()
  .trim()
  .max(NETWORK_LIMITS.maxEntryLength)
  .regex(/^[0-9A-Fa-f.:]+(\/(0|[1-9]\d{0,2}))?$/, 'IPv4/IPv6 アドレスまたは CIDR（例: 203.0.113.0/24）で入力してください')

export const allowedNetworksSchema = z.array(networkEntrySchema).max(NETWORK_LIMITS.maxEntries)

export const networkSettingsRequestSchema = z.object({ allowedNetworks: allowedNetworksSchema })
export type NetworkSettingsRequest = z.infer<typeof networkSettingsRequestSchema>

/** `yourAddress`: the caller's address as the server sees it (behind the trusted proxies), to put on the list. */
export const networkSettingsSchema = z.object({ allowedNetworks: z.array(z.string()), yourAddress: z.string() })
export type NetworkSettings = z.infer<typeof networkSettingsSchema>

/**
 * A company's own settings (`GET/PUT /api/admin/companies/:companyId/settings`), changed by its
 * administrators: the allow-list, and whether an agreed number is recorded on one confirmation
 * (ADR 043; left as it is when absent from a request).
 */
export const companySettingsRequestSchema = networkSettingsRequestSchema.extend({ acceptNumberAgreement: z.boolean().optional() })
export type CompanySettingsRequest = z.infer<typeof companySettingsRequestSchema>
export const companySettingsSchema = networkSettingsSchema.extend({ acceptNumberAgreement: z.boolean() })
export type CompanySettings = z.infer<typeof companySettingsSchema>
