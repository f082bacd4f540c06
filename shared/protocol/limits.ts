/** Limits shared by the server (which enforces them) and the client (which helps people stay inside them). */
export const MAX_NAME_LENGTH = 60
/** Most names one people search returns: a list to scan, not a directory to download. */
export const MAX_PEOPLE_LISTED = 100
export const MAX_TITLE_LENGTH = 120
export const MAX_MISSION_PART_LENGTH = 200
export const MAX_COMMAND_ID_LENGTH = 64
/** A single WebSocket frame; anything larger is refused before it is parsed. */
export const MAX_FRAME_BYTES = 256 * 1024
/** A single JSON command inside a frame. */
export const MAX_COMMAND_BYTES = 16 * 1024
export const MAX_HTTP_BODY_BYTES = 16 * 1024
