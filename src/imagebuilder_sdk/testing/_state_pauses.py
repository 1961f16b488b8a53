"""Pauses in a build's timeline: steps that wait for an action, and where time stands.

A build's stages and workflow steps are laid out on an *effective* timeline that starts
at zero when the build starts. A ``WaitForAction`` step puts a pause at the end of its
effective span; the pause lasts until `SendWorkflowStepAction` resolves it, and the rest
of the timeline moves back by that long. `Pauses` maps real seconds since the start of
the build to effective seconds and back::

    pauses = Pauses()
    pauses.add("step-1", 10.0)
    pauses.effective(25.0)        # 10.0: frozen at the waiting step
    pauses.resolve("step-1", 30.0)
    pauses.effective(35.0)        # 15.0: twenty seconds were spent waiting
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Pause", "Pauses"]


@dataclass
class Pause:
    """One wait: the step it belongs to, where it sits, and how long it lasted."""

    step_id: str
    offset: float
    #: Real seconds the wait lasted; None while it is still waiting.
    length: float | None = None
    #: The action that ended it ("RESUME" or "STOP") and its reason.
    action: str | None = None
    reason: str | None = None


@dataclass
class Pauses:
    """The pauses of one build, in timeline order."""

    items: list[Pause] = field(default_factory=list)

    def add(self, step_id: str, offset: float) -> Pause:
        """A new, unresolved pause at `offset` effective seconds."""
        pause = Pause(step_id, offset)
        self.items.append(pause)
        self.items.sort(key=lambda item: item.offset)
        return pause

    def get(self, step_id: str) -> Pause | None:
        """The pause of a step, if it has one."""
        return next((p for p in self.items if p.step_id == step_id), None)

    def start(self, pause: Pause) -> float | None:
        """Real seconds (since the build started) at which a pause begins; None if unreached."""
        waited = 0.0
        for item in self.items:
            if item is pause:
                return item.offset + waited
            if item.length is None:
                return None
            waited += item.length
        raise ValueError("not a pause of this build")

    def effective(self, real: float) -> float:
        """Effective seconds reached after `real` seconds (pauses take no effective time)."""
        waited = 0.0
        for item in self.items:
            begins = item.offset + waited
            if real <= begins:
                break
            if item.length is None or real < begins + item.length:
                return item.offset
            waited += item.length
        return real - waited

    def real(self, offset: float, *, inclusive: bool = False) -> float | None:
        """Real seconds at which effective `offset` is (or was) reached; None if not yet known.

        With `inclusive`, a pause sitting exactly at `offset` counts as before it (the
        moment a waiting step ends, as opposed to the moment it starts waiting).
        """
        waited = 0.0
        for item in self.items:
            if item.offset > offset or (item.offset == offset and not inclusive):
                break
            if item.length is None:
                return None
            waited += item.length
        return offset + waited

    def resolve(self, step_id: str, real: float, action: str, reason: str | None) -> None:
        """End the wait of `step_id` at `real` seconds with `action`."""
        pause = self.get(step_id)
        assert pause is not None
        begins = self.start(pause)
        assert begins is not None
        pause.length = max(0.0, real - begins)
        pause.action = action
        pause.reason = reason

    def waiting(self, real: float) -> Pause | None:
        """The pause in force at `real` seconds, if any (unresolved and reached)."""
        for item in self.items:
            begins = self.start(item)
            if begins is None:
                return None
            if item.length is None:
                return item if real >= begins else None
        return None
