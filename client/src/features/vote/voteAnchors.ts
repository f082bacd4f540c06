/** The stage bar's "Open voting" submits this form (HTML `form` attribute), so the rules and the button stay one. */
export const VOTE_SETUP_FORM_ID = 'vote-setup-form'
/** The tie fieldset the stage bar points to when the facilitator must settle a tie. */
export const TIE_RESOLUTION_ID = 'tie-resolution'
