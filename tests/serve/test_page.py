"""The analysts' web page in a real headless Chromium (Debian's chromium and chromium-driver)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest

from veille.records import Annotation, Document

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
if not (CHROMIUM and DRIVER):
    if os.environ.get("VEILLE_REQUIRE_BROWSER"):
        raise RuntimeError("VEILLE_REQUIRE_BROWSER is set but chromium or chromedriver is not installed")
    pytest.skip("no headless browser: apt-get install chromium chromium-driver", allow_module_level=True)


@pytest.fixture
def browser() -> Iterator[object]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(driver, condition, timeout: float = 10):
    return WebDriverWait(driver, timeout).until(lambda d: condition(d))


def texts(driver, selector: str) -> list[str]:
    """The text of every element matching ``selector``, read in one go (the page may redraw meanwhile)."""
    return driver.execute_script("return [...document.querySelectorAll(arguments[0])].map(e => e.innerText)", selector)


def test_events_table_filters_and_opens_the_evidence(served, browser) -> None:
    browser.get(served.base + "/")
    wait_for(browser, lambda d: "2 documents (1 failed)" in d.find_element(By.ID, "status").text)
    wait_for(browser, lambda d: len(texts(d, "#event-rows tr[data-doc]")) == 2)
    first = browser.find_element(By.CSS_SELECTOR, "#event-rows tr[data-doc]")
    assert "ACCUSE" in first.text and "RUS GOV" in first.text and "2024-06-18" in first.text
    assert first.find_element(By.CSS_SELECTOR, "mark.event").text == "a dénoncé"

    Select(browser.find_element(By.NAME, "type")).select_by_value("COERCE")
    browser.find_element(By.CSS_SELECTOR, "#event-filters button").click()
    wait_for(browser, lambda d: len(shown := texts(d, "#event-rows tr[data-doc]")) == 1 and "COERCE" in shown[0])

    browser.find_element(By.CSS_SELECTOR, "#event-rows tr[data-doc]").click()
    wait_for(browser, lambda d: d.find_element(By.ID, "document").is_displayed())
    assert browser.find_element(By.ID, "doc-title").text == "Sommet à Pyongyang"
    marks = {m.text: m.get_attribute("class") for m in browser.find_elements(By.CSS_SELECTOR, "#doc-text mark")}
    assert marks["a interpellé"] == "event" and marks["mardi"] == "timex" and marks["Vladimir Poutine"] == "mention"
    assert browser.find_element(By.ID, "doc-text").text.replace("\n", " ").startswith("Sommet à Pyongyang.")
    assert "Vladimir Poutine: « Nous ne céderons pas »" in browser.find_element(By.ID, "doc-quotes").text


def test_quotes_tab_and_live_documents(served, browser) -> None:
    browser.get(served.base + "/")
    browser.find_element(By.CSS_SELECTOR, "nav button[data-tab=quotes]").click()
    wait_for(browser, lambda d: "Vladimir Poutine" in d.find_element(By.ID, "quote-rows").text)
    assert "« Nous ne céderons pas »" in browser.find_element(By.ID, "quote-rows").text

    browser.find_element(By.CSS_SELECTOR, "nav button[data-tab=documents]").click()
    wait_for(browser, lambda d: "failed at fetch: HTTP 500" in d.find_element(By.ID, "document-rows").text)
    wait_for(browser, lambda d: d.execute_script("return document.body.dataset.live") == "on")
    new = Document.from_text("Le maire de Belfort a inauguré la médiathèque.", lang="fr", title="Médiathèque")
    served.store.write([Annotation(new)])
    wait_for(browser, lambda d: "new: Médiathèque" in d.find_element(By.ID, "live").text)
    wait_for(browser, lambda d: "3 documents" in d.find_element(By.ID, "status").text)


def test_only_web_addresses_become_links(served, browser) -> None:
    hostile = Document.from_text("Le conseil a voté le budget.", lang="fr", title="Budget", url="javascript:alert(1)")
    served.store.write([Annotation(hostile)])
    browser.get(served.base + "/")
    browser.find_element(By.CSS_SELECTOR, "nav button[data-tab=documents]").click()
    wait_for(browser, lambda d: "Budget" in d.find_element(By.ID, "document-rows").text)
    hrefs = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#document-rows a")]
    assert hrefs == ["https://www.estrepublicain.fr/monde/a.html"]
