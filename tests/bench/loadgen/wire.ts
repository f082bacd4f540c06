import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

/**
 * The three dialects the load generator speaks. Quarterdeck and y-websocket share the y-websocket framing
 * (`[type][payload]`); Hocuspocus prefixes every frame with the document name and wants an auth frame first.
 */
export type WireKind = 'quarterdeck' | 'y-websocket' | 'hocuspocus'

const SYNC = 0
const AWARENESS = 1
const AUTH = 2
const HOCUSPOCUS_SYNC_REPLY = 4
const HOCUSPOCUS_SYNC_STATUS = 8
const APP = 100
const STEP1 = 0
const STEP2 = 1
const UPDATE = 2
/** A state vector with no clients: "send me everything". */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

export const FrameKind = {
  Step1: 1,
  Step2: 2,
  Update: 3,
  Awareness: 4,
  App: 5,
  SyncStatus: 6,
  Auth: 7,
  Other: 8,
} as const
export type FrameKind = (typeof FrameKind)[keyof typeof FrameKind]

export interface Wire {
  readonly kind: WireKind
  /** Frames to send as soon as the socket opens: (auth and) sync step 1 with an empty state vector. */
  openFrames(): Uint8Array[]
  updateFrame(update: Uint8Array): Uint8Array
  awarenessFrame(clientId: number, clock: number, stateJson: string): Uint8Array
  /** A command on Quarterdeck's app channel (type 100, one varString of JSON). */
  appFrame(payload: unknown): Uint8Array
  /** Classifies a received frame; for Step2/Update/App the decoder is left at the payload. */
  read(frame: Uint8Array): { kind: FrameKind; decoder: decoding.Decoder }
}

export function createWire(kind: WireKind, documentName: string): Wire {
  const isHocuspocus = kind === 'hocuspocus'
  const begin = (type: number): encoding.Encoder => {
    const encoder = encoding.createEncoder()
    if (isHocuspocus) encoding.writeVarString(encoder, documentName)
    encoding.writeVarUint(encoder, type)
    return encoder
  }
  return {
    kind,
    openFrames() {
      const frames: Uint8Array[] = []
      if (isHocuspocus) {
        // Hocuspocus queues everything until it has seen the auth frame (token sub-type 0, empty token).
        const auth = begin(AUTH)
        encoding.writeVarUint(auth, 0)
        encoding.writeVarString(auth, '')
        frames.push(encoding.toUint8Array(auth))
      }
      const step1 = begin(SYNC)
      encoding.writeVarUint(step1, STEP1)
      encoding.writeVarUint8Array(step1, EMPTY_STATE_VECTOR)
      frames.push(encoding.toUint8Array(step1))
      return frames
    },
    updateFrame(update) {
      const encoder = begin(SYNC)
      encoding.writeVarUint(encoder, UPDATE)
      encoding.writeVarUint8Array(encoder, update)
      return encoding.toUint8Array(encoder)
    },
    awarenessFrame(clientId, clock, stateJson) {
      // y-protocols' encodeAwarenessUpdate for one client, written by hand so light clients hold no Awareness.
      const inner = encoding.createEncoder()
      encoding.writeVarUint(inner, 1)
      encoding.writeVarUint(inner, clientId)
      encoding.writeVarUint(inner, clock)
      encoding.writeVarString(inner, stateJson)
      const encoder = begin(AWARENESS)
      encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner))
      return encoding.toUint8Array(encoder)
    },
    appFrame(payload) {
      const encoder = begin(APP)
      encoding.writeVarString(encoder, JSON.stringify(payload))
      return encoding.toUint8Array(encoder)
    },
    read(frame) {
      const decoder = decoding.createDecoder(frame)
      try {
        if (isHocuspocus) {
          const nameLength = decoding.readVarUint(decoder)
          decoder.pos += nameLength
        }
        const type = decoding.readVarUint(decoder)
        if (type === SYNC || type === HOCUSPOCUS_SYNC_REPLY) {
          const sub = decoding.readVarUint(decoder)
          if (sub === STEP1) return { kind: FrameKind.Step1, decoder }
          if (sub === STEP2) return { kind: FrameKind.Step2, decoder }
          if (sub === UPDATE) return { kind: FrameKind.Update, decoder }
          return { kind: FrameKind.Other, decoder }
        }
        if (type === AWARENESS) return { kind: FrameKind.Awareness, decoder }
        if (type === APP && !isHocuspocus) return { kind: FrameKind.App, decoder }
        if (type === HOCUSPOCUS_SYNC_STATUS && isHocuspocus) return { kind: FrameKind.SyncStatus, decoder }
        if (type === AUTH) return { kind: FrameKind.Auth, decoder }
        return { kind: FrameKind.Other, decoder }
      } catch {
        return { kind: FrameKind.Other, decoder } // reason: a frame we cannot classify is only counted.
      }
    },
  }
}

/**
 * The first (client, clock) of a Yjs v1 update, read from its header without decoding the structs:
 * `numClients, numStructs, client, clock, …`. Peers relay each client's update unchanged, so this identifies
 * which write a frame carries. Returns null for an update with no structs (a pure delete set).
 */
export function firstWriteOf(update: Uint8Array): { client: number; clock: number } | null {
  const decoder = decoding.createDecoder(update)
  if (decoding.readVarUint(decoder) === 0) return null
  decoding.readVarUint(decoder)
  const client = decoding.readVarUint(decoder)
  const clock = decoding.readVarUint(decoder)
  return { client, clock }
}

/** A Map key for one write: clientIDs are < 2^32 and each bench client makes fewer than 1024 writes. */
export function writeKey(client: number, clock: number): number {
  return client * 1024 + clock
}

/** What a real y-websocket provider renews every 15 s. */
export function awarenessState(index: number): string {
  const hue = (index * 47) % 360
  return JSON.stringify({ user: { name: `Person ${index}`, color: `hsl(${hue} 70% 45%)` } })
}
