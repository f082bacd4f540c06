import type { Config } from '../config.ts'
import { PostgresMeetingStore } from '../cluster/postgres/PostgresMeetingStore.ts'
import type { MeetingStore, TeamSpaceStore } from './MeetingStore.ts'
import { SqliteMeetingStore } from './SqliteMeetingStore.ts'

/**
 * SQLite in DATA_DIR unless DATABASE_URL is set, then Postgres (migrated on connect). One process writes either
 * way for now: several nodes on one Postgres need the lease and relay wiring (README "Cluster").
 */
export async function openMeetingStore(config: Pick<Config, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl'>): Promise<MeetingStore & TeamSpaceStore> {
  if (config.databaseUrl) return PostgresMeetingStore.connect({ connectionString: config.databaseUrl })
  return new SqliteMeetingStore(config.dataDir, config.sqliteSynchronous)
}
