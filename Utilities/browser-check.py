"""Opens Descent's HTML reports in a real headless browser and checks them: the page
loads, no console error or uncaught exception, every figure is drawn (inline SVG with
content, or an <img> that decoded), and no request leaves the page's own files (no
network). Writes a PNG screenshot of each page.

Needs Debian's Chromium (`apt-get install chromium`) and nothing else: it speaks the
DevTools protocol over a pipe (--remote-debugging-pipe), from the standard library.

  swift run -c release descent reproduce --output results
  swift run -c release descent profile study/results --output study/profiles
  python3 Utilities/browser-check.py results/index.html study/profiles/index.html \
      --screenshot docs/figures/report.png

The first page's screenshot goes to --screenshot; the others beside it, numbered.
Exits 1 and says why when a check fails.
"""
import argparse
import base64
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Browser:
    """Headless Chromium, driven over --remote-debugging-pipe (fd 3 in, fd 4 out)."""

    def __init__(self, width, height):
        if CHROMIUM is None:
            sys.exit("browser-check: no chromium on PATH (apt-get install chromium)")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        self.profile = tempfile.mkdtemp(prefix="descent-browser-")

        def wire():
            os.dup2(to_browser_read, 3)
            os.dup2(from_browser_write, 4)

        arguments = [CHROMIUM, "--headless=new", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
                     "--no-default-browser-check", f"--user-data-dir={self.profile}",
                     f"--window-size={width},{height}", "--hide-scrollbars"]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium refuses to run as root with its sandbox
        self.process = subprocess.Popen(arguments, preexec_fn=wire, pass_fds=(3, 4),
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("the browser closed its pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def wait(self, matches, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            message = self.read()
            if matches(message):
                if "error" in message:
                    raise RuntimeError(message["error"])
                return message.get("result", message.get("params"))
            if "method" in message:
                self.events.append(message)
        raise TimeoutError("the browser did not answer")

    def close(self):
        try:
            self.send("Browser.close")
        except Exception:
            pass
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


# Every figure: inline <svg> elements with drawn content, and <img> elements that decoded.
FIGURES = """(() => {
  const svgs = [...document.querySelectorAll('svg')];
  const images = [...document.images];
  return JSON.stringify({
    svg: svgs.length,
    emptySvg: svgs.filter(s => s.getBBox().width === 0 || s.querySelectorAll('path,line,polyline,circle,rect,text').length === 0).length,
    img: images.length,
    brokenImg: images.filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
    title: document.title,
    height: document.documentElement.scrollHeight,
  });
})()"""


def check(browser, path, screenshot):
    url = pathlib.Path(path).resolve().as_uri()
    target = browser.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        browser.send(f"{domain}.enable", session=session)
    browser.events.clear()
    browser.send("Page.navigate", {"url": url}, session=session)
    browser.wait(lambda m: m.get("method") == "Page.loadEventFired" and m.get("sessionId") == session)
    time.sleep(0.5)  # late console messages
    figures = json.loads(browser.send("Runtime.evaluate", {"expression": FIGURES, "returnByValue": True},
                                      session=session)["result"]["value"])
    problems = []
    for event in browser.events:
        method, params = event.get("method"), event.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            problems.append("console error: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Runtime.exceptionThrown":
            problems.append("uncaught exception: " + params["exceptionDetails"].get("text", ""))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            problems.append("browser error: " + params["entry"].get("text", ""))
        elif method == "Network.requestWillBeSent":
            request = params["request"]["url"]
            if not (request.startswith("file:") or request.startswith("data:") or request.startswith("about:")):
                problems.append("network request: " + request)
    if figures["svg"] + figures["img"] == 0:
        problems.append("no figure on the page")
    if figures["emptySvg"]:
        problems.append(f"{figures['emptySvg']} inline SVG figures draw nothing")
    for source in figures["brokenImg"]:
        problems.append(f"figure did not load: {source}")
    # A screenshot of the whole page, at most 6,000 px tall.
    height = min(figures["height"], 6000)
    browser.send("Emulation.setDeviceMetricsOverride",
                 {"width": 1200, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
    shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": False,
                                                   "clip": {"x": 0, "y": 0, "width": 1200, "height": min(height, 1600), "scale": 1}},
                        session=session)
    pathlib.Path(screenshot).write_bytes(base64.b64decode(shot["data"]))
    browser.send("Target.closeTarget", {"targetId": target})
    print(f"{path}: {figures['svg']} inline SVG, {figures['img']} images, title {figures['title']!r}; "
          f"screenshot {screenshot}; " + ("OK" if not problems else f"{len(problems)} problems"))
    for problem in problems:
        print("  " + problem)
    return not problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="+")
    parser.add_argument("--screenshot", default="report.png")
    arguments = parser.parse_args()
    first = pathlib.Path(arguments.screenshot)
    shots = [first] + [first.with_name(f"{first.stem}-{n}{first.suffix}") for n in range(2, len(arguments.pages) + 1)]
    # A screenshot replaces a regular file only, never a directory, link, device or FIFO.
    for shot in shots:
        if os.path.lexists(shot) and (shot.is_symlink() or not shot.is_file()):
            sys.exit(f"browser-check: {shot} exists and is not a regular file")
    browser = Browser(1200, 900)
    try:
        ok = True
        for page, shot in zip(arguments.pages, shots):
            ok = check(browser, page, shot) and ok
    finally:
        browser.close()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
