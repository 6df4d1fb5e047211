import type { PrismaClient } from '../generated/prisma/client.ts'
import type { Prisma } from '../generated/prisma/client.ts'

export type Db = InstanceType<typeof PrismaClient>
/** A transaction client or the root client: repositories accept either. */
export type Tx = Db | Prisma.TransactionClient
