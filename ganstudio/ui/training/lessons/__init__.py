"""Lessons: small recipes with an explanation and live numbers shown beside the plots.

``catalogue`` holds the lessons (data, translatable strings, the recipes in
``training/lessons/``), ``model`` what a lesson is, ``pane`` the widget that shows one.
"""
from .catalogue import FIRST_RUN_LESSON, LESSONS, lesson
from .model import Lesson, Number, Variant, tr
from .pane import LessonPane

__all__ = ["FIRST_RUN_LESSON", "LESSONS", "Lesson", "LessonPane", "Number", "Variant", "lesson", "tr"]
