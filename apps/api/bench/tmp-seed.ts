import pg from 'pg'
import { openDatabase } from '../src/db/database.ts'
import { createCampaign, createCompany } from '../src/db/factories.ts'
import { seedPersons } from './dashboard-seed.ts'
const admin = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/postgres' })
await admin.connect(); await admin.query('DROP DATABASE IF EXISTS bango_bench_tmp WITH (FORCE)'); await admin.query('CREATE DATABASE bango_bench_tmp'); await admin.end()
const url = 'postgresql://postgres@127.0.0.1:5432/bango_bench_tmp'
const db = await openDatabase({ url })
const company = await createCompany(db.prisma); const campaign = await createCampaign(db.prisma, company.id)
const sql = new pg.Client({ connectionString: url }); await sql.connect()
console.log(await seedPersons(sql, campaign.id), campaign.id)
await sql.end(); await db.close()
