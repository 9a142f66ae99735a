"""Assembly: recipes, recommendations and the pure ``build_pack`` (Document out)."""

from .pack import build_pack
from .recipe import (
    Recipe,
    RecipeProblems,
    check_recipe,
    load_recipe,
    read_recipe,
    recipe_without_personal_fields,
    save_recipe,
)
from .recommend import DEFAULT_LIMIT, Recommendation, recommend, safety_floor
from .risk import WorkerPrompt, worker_prompts

__all__ = [
    "DEFAULT_LIMIT",
    "Recipe",
    "RecipeProblems",
    "Recommendation",
    "WorkerPrompt",
    "build_pack",
    "check_recipe",
    "load_recipe",
    "read_recipe",
    "recipe_without_personal_fields",
    "recommend",
    "safety_floor",
    "save_recipe",
    "worker_prompts",
]
