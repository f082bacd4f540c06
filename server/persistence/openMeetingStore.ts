import type { Config } from '../config.ts'
import type { MeetingStore, TeamSpaceStore } from './MeetingStore.ts'
import { SqliteMeetingStore } from './SqliteMeetingStore.ts'

/**
 * SQLite in DATA_DIR unless DATABASE_URL is set, then Postgres (migrated on connect). One process writes either
 * way for now: several nodes on one Postgres need the lease and relay wiring (README "Cluster").
 */
export async function openMeetingStore(config: Pick<Config, 'dataDir' | 'sqliteSynchronous' | 'databaseUrl'>): Promise<MeetingStore & TeamSpaceStore> {
  if (config.databaseUrl) {
    // Loaded only when asked for: the embedded default does not pay for the Postgres driver at start-up.
    const { PostgresMeetingStore } = await import('../cluster/postgres/PostgresMeetingStore.ts')
    return PostgresMeetingStore.connect({ connectionString: config.databaseUrl })
  }
  return new SqliteMeetingStore(config.dataDir, config.sqliteSynchronous)
}
