"""Reference data kept by staff: categories and handling units."""

from django.contrib import admin

from ..models import Category, HandlingUnit


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "ordering", "active"]
    list_editable = ["ordering", "active"]


@admin.register(HandlingUnit)
class HandlingUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "active"]
    list_editable = ["active"]
    search_fields = ["name"]
