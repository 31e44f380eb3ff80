// How many paths one experiment may draw. Each path needs a colour and a marker shape of its own on the
// charts, and the palette (ui/palette.js) has eight of each, so more would be told apart by nothing.
export const MAX_PATHS = 8;
