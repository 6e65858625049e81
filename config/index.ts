import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import { FirstPageAssets } from './firstPageAssets';
import prodConfig from './prod';

/**
 * Template ids the weapp asks the person to allow, from the same TEMPLATE_* values the reminders function reads
 * ("<template id> thing1=title …"): the client needs only the id, the first word.
 */
function subscribeTemplateIds(env: NodeJS.ProcessEnv): Record<string, string> {
  const variables: Record<string, string> = {
    event_reminder: 'TEMPLATE_EVENT_REMINDER',
    registration_promoted: 'TEMPLATE_REGISTRATION_PROMOTED',
    intent_status: 'TEMPLATE_INTENT_STATUS',
    report_status: 'TEMPLATE_REPORT_STATUS',
    application_status: 'TEMPLATE_APPLICATION_STATUS',
    guidance_answered: 'TEMPLATE_GUIDANCE_ANSWERED',
  };
  const ids: Record<string, string> = {};
  for (const [kind, variable] of Object.entries(variables)) {
    const id = env[variable]?.trim().split(/[\s,;]+/)[0];
    if (id) ids[kind] = id;
  }
  return ids;
}

/** Each build wipes its own output folder, so weapp and h5 never share one. */
// H5_OUT builds the H5 app elsewhere (served with H5_DIR), leaving dist-h5/ to whoever else is building; WEAPP_OUT the same for weapp.
const outputRoot = process.env.TARO_ENV === 'h5' ? process.env.H5_OUT || 'dist-h5' : process.env.WEAPP_OUT || 'dist';

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'sheshan-liangxin',
    date: '2026-11-25',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV ?? ''),
      // The self-hosted gateway the weapp calls instead of the cloud function (https origin, in the request-domain whitelist).
      API_BASE: JSON.stringify(process.env.API_BASE ?? ''),
      SUBSCRIBE_TEMPLATES: JSON.stringify(subscribeTemplateIds(process.env)),
    },
    alias: {
      '@shared': path.resolve(__dirname, '..', 'src/shared'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // Component styles are namespaced (BEM, one block per component), so the order in which pages import them does
      // not matter; without this the build warned of "conflicting order" whenever two pages imported two in turn.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // The staff dashboard's charts (AntV F2) use many more tslib helpers than the rest of the app; one shared tslib
      // module would carry them all into the main package's vendors.js. F2 gets its own copy, which stays in staff/.
      webpackChain(chain, webpack) {
        const tslibForCharts = path.resolve(__dirname, '..', 'node_modules/tslib/tslib.es6.js');
        chain.plugin('charts-own-tslib').use(webpack.NormalModuleReplacementPlugin, [
          /^tslib$/,
          (resource: { context: string; request: string }) => {
            if (/[\\/]node_modules[\\/]@antv[\\/]/.test(resource.context)) resource.request = tslibForCharts;
          },
        ]);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of zod, the API layer
      // and the Taro components (~180 KB each); splitting async chunks too shares them between pages.
      webpackChain(chain) {
        chain.plugin('first-page-assets').use(FirstPageAssets);
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all' });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'browser' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: { ignoreOrder: true, filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[chunkhash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
