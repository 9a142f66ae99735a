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
from .recommend import Recommendation, recommend, safety_floor

__all__ = [
    "Recipe",
    "RecipeProblems",
    "Recommendation",
    "build_pack",
    "check_recipe",
    "load_recipe",
    "read_recipe",
    "recipe_without_personal_fields",
    "recommend",
    "safety_floor",
    "save_recipe",
]
