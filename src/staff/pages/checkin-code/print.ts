/** H5: the browser prints the page (the code, the title and the time). */
export const print: (() => void) | null = () => window.print();
