"""Views stay thin: they read through selectors and render."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kiemdiem.org.selectors import organisation_tree
from kiemdiem.reviews.selectors import review_cycle_list


def home(request: HttpRequest) -> HttpResponse:
    """The organisations (with their validity and successors) and the review cycles, linking to the admin."""
    context = {"organisations": organisation_tree(), "cycles": review_cycle_list()}
    return render(request, "web/home.html", context)
