import { adminPath } from '../../../lib/api-client.ts'

/** A plain link: the browser downloads the template with the session cookie. */
export const importTemplateHref = adminPath('/import-template.csv')
