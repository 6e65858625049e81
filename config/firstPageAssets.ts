import type { Compiler } from 'webpack';

/** Where the events page is imported from the app config (Taro's H5 router loads each page as an async chunk). */
const FIRST_PAGE_REQUEST = './pages/events/index';
export const FIRST_PAGE_ASSETS = 'first-page-assets.json';

/**
 * H5: writes `first-page-assets.json`, the script and style files the events page loads (its chunk group), so the
 * gateway can write their styles into the page that opens on it and ask for their scripts beside the app's. Without
 * that the browser learns of them only once app.js has run, and then fetches 13 small files six at a time (HTTP/1.1):
 * three round trips after the app starts.
 */
export class FirstPageAssets {
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap('FirstPageAssets', (compilation) => {
      // After the real content hashes are in the file names.
      compilation.hooks.processAssets.tap({ name: 'FirstPageAssets', stage: Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const group = compilation.chunkGroups.find((g) => g.origins.some((o) => o.request === FIRST_PAGE_REQUEST));
        const files = group ? [...new Set(group.getFiles())].filter((f) => /\.(js|css)$/.test(f)) : [];
        compilation.emitAsset(FIRST_PAGE_ASSETS, new sources.RawSource(JSON.stringify(files)));
      });
    });
  }
}
