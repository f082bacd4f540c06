import pino from 'pino'
import { loadConfig } from './config.ts'
import { startServer } from './createServer.ts'

const config = loadConfig()
const log = pino({ level: config.logLevel })
const server = await startServer(config, log)
log.info({ url: server.url, dataDir: config.dataDir }, 'Quarterdeck is running')
// Plain line for people reading the terminal.
console.log(`\n  Quarterdeck is running at ${server.url}\n`)

let isStopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (isStopping) return
    isStopping = true
    log.info({ signal }, 'shutting down')
    void server.close().then(() => process.exit(0))
  })
}
