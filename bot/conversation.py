"""A conversation's thread: which place a follow-up question ("what did the mayor say?",
"is it safe there?") refers to. The transports keep that place in memory only."""

from __future__ import annotations

from bot.answer.model import Answer, Kind
from bot.understanding.question import Intent, Question


def is_follow_up(question: Question) -> bool:
    """Names no place or person of its own, and points back ("there", "the mayor")."""
    if question.places or question.people:
        return False
    if question.intent == Intent.UNKNOWN or question.topic_guessed:
        return question.cues.refers_back or question.cues.refers_back_weakly
    return question.intent in (Intent.TOPIC, Intent.ABOUT) and question.cues.refers_back


def the_place(answer: Answer) -> str | None:
    """The one covered place an answer is about: what a follow-up question refers to."""
    if answer.kind == Kind.ANSWER and len(answer.places) == 1:
        return answer.places[0].id
    return None


def follow_up_context(answer: Answer, previous: str | None) -> str | None:
    """The place the next follow-up refers to: this answer's place, none after an answer
    about other places (Houston, a comparison), else still the previous one (a topic)."""
    if answer.places or answer.kind == Kind.NOT_UNDERSTOOD:
        return the_place(answer)  # a new subject (or one we could not follow): start afresh
    return previous
