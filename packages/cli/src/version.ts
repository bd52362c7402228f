/** The CLI's version, as in packages/cli/package.json (a unit test keeps them equal). */
export const VERSION = '0.1.0';
