"""The network commands in-process, on both databases: the CLI contract of issue 11."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

LINKEDIN = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n'
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Priya,Shah,https://www.linkedin.com/in/priya-shah,priya@x.example,Northside,Programme Director,09 Oct 2024\n"
    ",,,,,,\n"
    "Tom,Okafor,https://www.linkedin.com/in/tom-okafor,,Northside,Tutor,12 Nov 2025\n"
)


def test_import_list_due_export_and_draft(onward: Callable[..., tuple[int, str, str]], tmp_path: Path) -> None:
    connections = tmp_path / "Connections.csv"
    connections.write_text(LINKEDIN, encoding="utf-8")
    code, out, err = onward("contacts", "import", str(connections), "--format", "linkedin")
    assert (code, err) == (0, "")
    assert (
        out.splitlines()[0]
        == "Connections.csv (linkedin): 2 added, 0 merged with new details, 0 already here, 0 left out."
    )
    code, out, _ = onward("contacts", "import", str(connections), "--format", "linkedin")
    assert "0 added, 0 merged with new details, 2 already here" in out

    code, out, _ = onward("contacts", "list", "--json")
    people = json.loads(out)
    assert [p["name"] for p in people] == ["Priya Shah", "Tom Okafor"]
    priya = people[0]["id"]

    assert onward("contacts", "edit", str(priya), "--cadence", "30", "--support")[0] == 0
    code, out, _ = onward(
        "contacts", "log", str(priya), "--kind", "coffee", "--on", "2026-09-01", "--follow-up", "2026-11-25"
    )
    assert code == 0 and "Logged the coffee with Priya Shah on 2026-09-01" in out
    code, out, _ = onward("contacts", "due", "--json")
    due = json.loads(out)
    assert [(f["contact_name"], f["days_overdue"]) for f in due["follow_ups"]] == [("Priya Shah", 5)]
    assert [(lt["name"], lt["days_overdue"]) for lt in due["losing_touch"]] == [("Priya Shah", 60)]

    target = tmp_path / "mine.vcf"
    code, out, _ = onward("contacts", "export", str(target))
    assert code == 0 and out.strip() == f"Wrote 2 contacts to {target} (vCard 4.0)."
    text = target.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0") and "X-ONWARD-SUPPORT:yes" in text
    code, out, _ = onward("contacts", "import", str(target))
    assert "0 added, 0 merged with new details, 2 already here" in out

    code, out, _ = onward("outreach", "draft", str(priya))
    assert code == 0
    assert out.startswith("To: Priya Shah <priya@x.example>\nSubject: ")
    assert "Would you have twenty minutes" in out
    code, out, _ = onward("outreach", "sent", str(priya))
    assert code == 0 and "follow up on 2026-12-07" in out


def test_bad_input_is_one_line_and_changes_nothing(onward: Callable[..., tuple[int, str, str]], tmp_path: Path) -> None:
    bad = tmp_path / "people.csv"
    bad.write_text("Name,Email\nAda,ada@x.example\nBo,not-an-address\n", encoding="utf-8")
    code, _, err = onward("contacts", "import", str(bad), "--format", "csv")
    assert code == 1
    assert err.strip() == "error: people.csv, line 3: email 'not-an-address' is not an e-mail address"
    assert json.loads(onward("contacts", "list", "--json")[1]) == []
    code, _, err = onward("contacts", "import", str(tmp_path / "missing.vcf"))
    assert code == 1 and err.startswith("error: ")
    code, _, err = onward("outreach", "draft", "999")
    assert code == 1 and "there is no contact 999" in err


def test_duplicates_preview_then_merge_and_support_flag(onward: Callable[..., tuple[int, str, str]]) -> None:
    assert (
        onward("contacts", "add", "Aisha Rahman", "--organisation", "Bright Futures", "--email", "a@bf.example")[0] == 0
    )
    assert onward("contacts", "add", "Aisha  Rahman", "--organisation", "Bright Futures", "--role", "Lead")[0] == 0
    _, out, _ = onward("contacts", "duplicates", "--json")
    (group,) = json.loads(out)
    keep, other = group["keep_id"], next(c["id"] for c in group["contacts"] if c["id"] != group["keep_id"])
    _, out, _ = onward("contacts", "merge", str(keep), str(other))
    assert "Nothing merged yet" in out
    assert len(json.loads(onward("contacts", "list", "--json")[1])) == 2
    assert onward("contacts", "merge", str(keep), str(other), "--yes")[0] == 0
    (merged,) = json.loads(onward("contacts", "list", "--json")[1])
    assert (merged["emails"], merged["role"], merged["support"]) == (["a@bf.example"], "Lead", False)
    onward("contacts", "edit", str(merged["id"]), "--support")
    assert json.loads(onward("contacts", "show", str(merged["id"]), "--json")[1])["contact"]["support"] is True
