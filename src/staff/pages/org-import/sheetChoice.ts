/** A chosen sheet, a refusal to show, or null when the person cancelled. */
export type SheetChoice = { ok: true; name: string; base64: string } | { ok: false; message: string } | null;
