// Firefox ESR driven over WebDriver BiDi by puppeteer-core, for the Python tests: one JSON command
// a line on stdin ({"goto": url}, {"click": selector} or
// {"evaluate": expression}), one JSON answer a line on stdout.
import readline from 'node:readline';
import puppeteer from 'puppeteer-core';

const browser = await puppeteer.launch({
  browser: 'firefox',
  protocol: 'webDriverBiDi',
  headless: true,
  executablePath: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr',
  extraPrefsFirefox: {
    // No updates, telemetry or other traffic of its own: only the guide's own requests.
    'app.update.enabled': false,
    'browser.safebrowsing.malware.enabled': false,
    'browser.safebrowsing.phishing.enabled': false,
    'network.captive-portal-service.enabled': false,
    'network.connectivity-service.enabled': false,
  },
});
const page = await browser.newPage();
await page.setViewport({ width: 360, height: 640 });

const answer = (value) => process.stdout.write(JSON.stringify(value) + '\n');
answer({ ready: true });
for await (const line of readline.createInterface({ input: process.stdin })) {
  const command = JSON.parse(line);
  try {
    if (command.goto) {
      const response = await page.goto(command.goto, { waitUntil: 'load', timeout: 30000 });
      answer({ value: response ? response.status() : null });
    } else if (command.click) {
      // A real click (user activation), as a person's: what lets a page start sound.
      await page.click(command.click);
      answer({ value: true });
    } else if (command.evaluate) {
      answer({ value: await page.evaluate(command.evaluate) });
    } else if (command.close) {
      break;
    }
  } catch (error) {
    answer({ error: String(error && error.message ? error.message : error) });
  }
}
await browser.close();
