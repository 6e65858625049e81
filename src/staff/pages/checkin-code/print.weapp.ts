/** The mini-program cannot print; staff show the code on a screen or save it from the full-size preview. */
export const print: (() => void) | null = null;
