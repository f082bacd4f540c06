import pg from 'pg'
import type { ThrowawayPostgres } from './ThrowawayPostgres.ts'

let counter = 0

/** An empty database in the throwaway server, so each test starts from nothing without a new initdb. */
export async function freshDatabase(server: ThrowawayPostgres): Promise<string> {
  const name = `qd_${process.pid}_${++counter}`
  const admin = new pg.Client({ connectionString: server.url })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(server.url)
  url.pathname = `/${name}`
  return url.toString()
}
