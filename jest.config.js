/**
 * `npx jest` runs the client's component tests. The backend runs apart (`npm run test:server`) because PGlite needs
 * Node's --experimental-vm-modules, under which jest refuses the ES-module files Taro's web components require.
 * `npm test` runs both.
 */
module.exports = require('./jest.client.config.js');
