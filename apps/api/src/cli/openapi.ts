/** `pnpm openapi`: writes docs/openapi.json from the routes (openapi/document.ts). */
import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openapiDocument, serializeDocument } from '../openapi/document.ts'

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../docs/openapi.json')
await fs.writeFile(target, serializeDocument(await openapiDocument()))
console.log(`wrote ${path.relative(process.cwd(), target)}`)
