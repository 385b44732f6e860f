"""A real browser opens the explain page, a click on a field brings its box into view."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import SAMPLES

selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")


pytestmark = pytest.mark.skipif(
    not (CHROMIUM and DRIVER), reason="no headless Chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")
IN_VIEW = "var r=document.querySelector(arguments[0]).getBoundingClientRect();return [r.top, r.bottom, window.innerHeight];"


@pytest.fixture
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,700", "--disable-dev-shm-usage"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def explain_page(notice: Path, folder: Path) -> str:
    out = folder / "explain.html"
    subprocess.run([sys.executable, "-m", "vacancy_cli", "explain", str(notice), "--html", str(out)],
                   check=True, capture_output=True, timeout=300)
    return out.as_uri()


def test_clicking_a_field_scrolls_its_box_into_view(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(explain_page(SAMPLES / "markdown-footers.pdf", tmp_path))
    box = '.box[data-fields~="contacts"]'
    top, bottom, height = browser.execute_script(IN_VIEW, box)
    assert not (top >= 0 and bottom <= height)  # the contacts box starts out of view (page 3)
    browser.find_element(By.CSS_SELECTOR, 'tr[data-field="contacts"]').click()
    top, bottom, height = browser.execute_script(IN_VIEW, box)
    assert top >= 0 and bottom <= height
    assert "active" in (browser.find_element(By.CSS_SELECTOR, box).get_attribute("class") or "")


def test_each_field_sharing_a_match_highlights_it(tmp_path: Path, browser: Any) -> None:
    from selenium.webdriver.common.by import By

    browser.get(explain_page(SAMPLES / "sne-tick-boxes.txt", tmp_path))
    for field in ("staff_category", "contract_type"):
        browser.find_element(By.CSS_SELECTOR, f'tr[data-field="{field}"]').click()
        active = browser.find_elements(By.CSS_SELECTOR, ".span.active")
        assert [mark.text for mark in active] == ["☐ With allowances ☒ Cost-free"], field
        assert {field} <= set((active[0].get_attribute("data-fields") or "").split())
