"""Hypothesis strategies that build valid component documents from the model."""

from __future__ import annotations

from hypothesis import strategies as st

from imagebuilder_sdk.documents import (
    Assert,
    ComponentDocument,
    Constant,
    CreateFile,
    CreateFolder,
    DeleteFile,
    ExecuteBash,
    ExecuteBinary,
    Loop,
    Parameter,
    Phase,
    Reboot,
    S3Download,
    Step,
    UpdateOS,
    WebDownload,
)

# Any text without braces, so that no accidental {{ reference }} appears.
text = st.text(
    alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="{}"),
    max_size=12,
)
names = st.from_regex(r"[A-Za-z][A-Za-z0-9_-]{2,15}", fullmatch=True)
step_names = st.from_regex(r"[A-Za-z0-9_-]{1,15}", fullmatch=True)


@st.composite
def parameters(draw: st.DrawFn, name: str) -> Parameter:
    """A parameter of any type, with a default that fits it (or none)."""
    kind, default = draw(
        st.one_of(
            st.tuples(st.just("string"), st.none() | text),
            st.tuples(st.just("integer"), st.none() | st.integers(-1000, 1000)),
            st.tuples(st.just("boolean"), st.none() | st.booleans()),
            st.tuples(st.just("stringList"), st.none() | st.lists(text, max_size=3)),
        )
    )
    description = draw(st.none() | text)
    return Parameter(name, kind, default, description)


@st.composite
def loops(draw: st.DrawFn, step_name: str) -> Loop | None:
    """No loop, a loop over strings, or an integer range that ends."""
    kind = draw(st.sampled_from(["none", "each", "range"]))
    name = draw(st.none() | st.just(f"Loop-{step_name}"))  # unique within the phase
    if kind == "each":
        return Loop.over(draw(st.lists(text, min_size=1, max_size=3)), name=name)
    if kind == "range":
        start = draw(st.integers(-5, 5))
        by = draw(st.sampled_from([-2, -1, 1, 2]))
        return Loop.range(start, start + by * draw(st.integers(0, 3)), by, name=name)
    return None


@st.composite
def steps(draw: st.DrawFn, name: str, variables: list[str], earlier_bash: list[str]) -> Step:
    """One step of a common module, sometimes reading a variable or an earlier output."""
    words = [draw(text)]
    if draw(st.booleans()) and variables:
        words.append(f"{{{{ {draw(st.sampled_from(variables))} }}}}")
    if draw(st.booleans()) and earlier_bash:
        words.append(f"{{{{ {draw(st.sampled_from(earlier_bash))}.outputs.stdout }}}}")
    word = " ".join(words)
    options = {
        "on_failure": draw(st.sampled_from([None, "Abort", "Continue", "Ignore"])),
        "timeout_seconds": draw(st.none() | st.just(-1) | st.integers(1, 86400)),
        "max_attempts": draw(st.none() | st.integers(1, 5)),
    }
    kind = draw(st.integers(0, 9))
    if kind == 0:
        loop = draw(loops(name))
        if loop is not None:
            word += " {{ loop.value }}"
        return ExecuteBash(name, [word, draw(text)], loop=loop, **options)  # type: ignore[arg-type]
    if kind == 1:
        return ExecuteBinary(name, word or "tool", draw(st.lists(text, max_size=3)), **options)  # type: ignore[arg-type]
    if kind == 2:
        return S3Download(
            name,
            f"s3://bucket/{word}",
            draw(text) or "/tmp/x",
            overwrite=draw(st.none() | st.booleans()),
        )
    if kind == 3:
        return WebDownload(
            name,
            f"https://example.com/{word}",
            "/tmp/",
            algorithm=draw(st.sampled_from([None, "SHA256"])),
            checksum=draw(st.none() | text),
        )
    if kind == 4:
        return CreateFile(
            name,
            word or "/tmp/f",
            draw(st.none() | text),
            permissions=draw(st.sampled_from([None, "0644", "0755"])),
        )
    if kind == 5:
        return DeleteFile(
            name, *(draw(st.lists(st.just(word or "/tmp/x"), min_size=1, max_size=2)))
        )
    if kind == 6:
        return UpdateOS(name, exclude=draw(st.none() | st.lists(text, min_size=1, max_size=2)))
    if kind == 7:
        return Reboot(name, delay_seconds=draw(st.none() | st.integers(0, 600)))
    if kind == 8:
        return CreateFolder(name, word or "/opt/x", overwrite=draw(st.none() | st.booleans()))
    return Assert(name, "stringEquals", draw(text), word)


@st.composite
def documents(draw: st.DrawFn) -> ComponentDocument:
    """A valid document: phases in order, unique names, references only backwards."""
    variable_names = draw(st.lists(names, unique=True, max_size=3))
    split = draw(st.integers(0, len(variable_names)))
    params = [draw(parameters(n)) for n in variable_names[:split]]
    consts = [Constant(n, draw(text)) for n in variable_names[split:]]
    phase_names = draw(
        st.lists(
            st.sampled_from(["build", "validate", "test"]), min_size=1, max_size=3, unique=True
        )
    )
    phases = []
    earlier: list[str] = []
    for phase in sorted(phase_names, key=["build", "validate", "test"].index):
        step_list = []
        for step_name in draw(st.lists(step_names, min_size=1, max_size=3, unique=True)):
            step = draw(steps(step_name, variable_names, earlier))
            step_list.append(step)
            if step.action == "ExecuteBash" and phase != "test":
                earlier.append(f"{phase}.{step_name}")
        phases.append(Phase(phase, step_list))
    return ComponentDocument(
        name=draw(st.none() | text),
        description=draw(st.none() | text),
        parameters=params,
        constants=consts,
        phases=phases,
    )
