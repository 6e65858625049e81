/** `npm test` runs both projects: the backend on real databases, and the client's components in jsdom. */
module.exports = {
  projects: ['<rootDir>/jest.server.config.js', '<rootDir>/jest.client.config.js'],
};
