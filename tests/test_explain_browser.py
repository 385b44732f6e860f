"""A real browser opens the explain page, a click on a field brings its box into view."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SAMPLES

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(not (CHROMIUM and DRIVER), reason="no headless Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
def test_clicking_a_field_scrolls_its_box_into_view(tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    out = tmp_path / "explain.html"
    subprocess.run([sys.executable, "-m", "vacancy_cli", "explain", str(SAMPLES / "markdown-footers.pdf"), "--html", str(out)],
                   check=True, capture_output=True, timeout=300)
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,700", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        driver.get(out.as_uri())
        script = "var r=document.getElementById(arguments[0]).getBoundingClientRect();return [r.top, r.bottom, window.innerHeight];"
        top, bottom, height = driver.execute_script(script, "box-contacts")
        assert not (top >= 0 and bottom <= height)  # the contacts box starts out of view (page 3)
        driver.find_element(By.CSS_SELECTOR, 'tr[data-field="contacts"]').click()
        top, bottom, height = driver.execute_script(script, "box-contacts")
        assert top >= 0 and bottom <= height
        assert "active" in (driver.find_element(By.ID, "box-contacts").get_attribute("class") or "")
    finally:
        driver.quit()
