/** How the tests, the bench and the demo start Debian's Chromium with an unpacked extension. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Loads `ext`, serves every `*.gov.cn` host from the local fixture server, and keeps Chromium off the
 * network (this machine's network is closed; background connections would only fail, many at a time).
 */
export const extensionArgs = (ext: string): string[] => [
  `--disable-extensions-except=${ext}`,
  `--load-extension=${ext}`,
  '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
