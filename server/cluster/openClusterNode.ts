import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import type { MeetingStore, TeamSpaceStore } from '../persistence/MeetingStore.ts'
import type { ClusterNode } from './node/ClusterNode.ts'

/** Cluster mode's node, loaded only when DATABASE_URL is set (the embedded default does not load the cluster code). */
export async function openClusterNode(store: MeetingStore & TeamSpaceStore, config: Pick<Config, 'cluster'>, log: Logger): Promise<ClusterNode> {
  const [{ ClusterNode }, { PostgresMeetingStore }] = await Promise.all([import('./node/ClusterNode.ts'), import('./postgres/PostgresMeetingStore.ts')])
  if (!(store instanceof PostgresMeetingStore)) throw new Error('cluster mode needs the Postgres store (DATABASE_URL)')
  return new ClusterNode(store, config.cluster ?? { nodeId: null, nodeUrl: null, leaseTtlMs: 10_000, redisUrl: null }, log)
}
