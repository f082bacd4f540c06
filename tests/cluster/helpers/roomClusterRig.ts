import { PostgresMeetingStore } from '../../../server/cluster/postgres/PostgresMeetingStore.ts'
import { Cluster, type ClusterOptions } from './clusterLauncher.ts'
import { freePort } from './freePort.ts'
import { RoomWorkloads } from './roomWorkload.ts'

/** What the real-room cluster suites share: 3 server nodes on free ports, a Postgres observer, the workload driver. */
export interface RoomClusterRig {
  cluster: Cluster
  observer: PostgresMeetingStore
  workloads: RoomWorkloads
  ports: number[]
  destroy(): Promise<void>
}

/** `options`: the lease length, and the launcher's relay / per-node Postgres link choices for this suite. */
export async function startRoomCluster(
  options: { leaseTtlMs: number } & Pick<ClusterOptions, 'relay' | 'prepare' | 'databaseUrlFor'>,
): Promise<RoomClusterRig> {
  const { leaseTtlMs, ...launch } = options
  const ports: number[] = []
  for (let i = 0; i < 3; i++) ports.push(await freePort())
  const cluster = await Cluster.start({
    nodes: 3,
    entry: 'tests/cluster/fixtures/serverNode.ts',
    env: {
      HOST: '127.0.0.1',
      STATIC_DIR: '/nonexistent',
      LEASE_TTL_MS: String(leaseTtlMs),
      // Every simulated participant is on 127.0.0.1: the per-address limits would see one crowd.
      MEETING_CREATION_BURST: '100000',
      JOIN_BURST_PER_ADDRESS: '100000',
    },
    nodeEnv: (slot) => ({ PORT: String(ports[slot]) }),
    ...launch,
  })
  const observer = await PostgresMeetingStore.connect({ connectionString: cluster.databaseUrl, maxConnections: 2 })
  const workloads = new RoomWorkloads(cluster, ports, observer)
  return {
    cluster,
    observer,
    workloads,
    ports,
    async destroy() {
      workloads.destroy()
      await observer.close()
      await cluster.destroy()
    },
  }
}
