/**
 * Preloaded (`--import`) into every process the bench starts, including our own server: if the bench
 * process vanishes without cleaning up (kill -9, OOM), its children must not keep ports and CPU busy on a
 * shared machine. Checks the parent pid once a second; the timer is unref'd and costs nothing measurable.
 */
const parentPid = process.ppid

const timer = setInterval(() => {
  if (process.ppid !== parentPid) process.exit(0)
}, 1000)
timer.unref()

export {}
