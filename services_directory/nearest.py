"""`near=`: the filtered services nearest first, by their nearest public location, without
computing the distance of every service in a large directory.

Confidential coordinates never take part: sorting by them would let anyone locate a shelter by
trying positions."""

import math

from django.db.models import F, FloatField, OuterRef, Subquery, prefetch_related_objects

from .models.parts import Location

# The directory's services spread over about this many degrees (Peru spans some 18° of
# latitude by 13° of longitude). With it, the first search radius is the one in which the
# services asked for would fit if they were spread evenly, doubled to allow for empty areas.
SPREAD_DEGREES = 20.0
FIRST_RADIUS_FACTOR = 2.0
MINIMUM_RADIUS_DEGREES = 0.05
# Near the poles a degree of longitude shrinks to nothing and the box would span the globe.
MINIMUM_SCALE = 0.05


def squared_distance(latitude, longitude):
    """An equirectangular approximation, in degrees of latitude squared: plain arithmetic
    that every database runs, and exact enough to rank places (the distance shown is computed
    exactly in Python)."""
    scale = longitude_scale(latitude)
    return (F("latitude") - latitude) * (F("latitude") - latitude) + (
        (F("longitude") - longitude) * scale
    ) * ((F("longitude") - longitude) * scale)


def longitude_scale(latitude):
    return math.cos(math.radians(latitude))


def order_by_distance(services, latitude, longitude):
    """Every service of `services`, nearest first; services without a public position last."""
    nearest = (
        Location.objects.filter(
            service=OuterRef("pk"), is_confidential=False, latitude__isnull=False
        )
        .exclude(longitude__isnull=True)
        .annotate(squared_distance=squared_distance(latitude, longitude))
        .order_by("squared_distance")
        .values("squared_distance")[:1]
    )
    return services.annotate(
        squared_distance=Subquery(nearest, output_field=FloatField())
    ).order_by(F("squared_distance").asc(nulls_last=True), "name", "id")


class NearestFirst:
    """The services of a queryset nearest first, as Django's Paginator reads them (`count()`
    and a slice), in exactly the order of order_by_distance.

    A slice first looks among the services with a public location within a radius of the
    position, found through the index on public positions: when that radius holds every
    service up to the end of the slice, those are the slice, since any service outside is
    farther away. Otherwise (a sparse area, or the last pages, where the services without a
    public position come) it orders every service."""

    def __init__(self, services, latitude, longitude, prefetch=()):
        self.services = services
        self.latitude = latitude
        self.longitude = longitude
        # Prefetched for the slice returned only, not for a radius found too small.
        self.prefetch = prefetch

    def select_related(self, *fields):
        return NearestFirst(
            self.services.select_related(*fields), self.latitude, self.longitude, self.prefetch
        )

    def prefetch_related(self, *lookups):
        return NearestFirst(
            self.services, self.latitude, self.longitude, (*self.prefetch, *lookups)
        )

    def count(self):
        if not hasattr(self, "_count"):
            self._count = self.services.count()
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop = index.start or 0, min(index.stop, self.count())
        if stop <= start:
            return []
        radius = self.first_radius(stop)
        found = list(self.within(radius)[start:stop]) if radius is not None else []
        if len(found) < stop - start:
            everything = order_by_distance(self.services, self.latitude, self.longitude)
            found = list(everything[start:stop])
        prefetch_related_objects(found, *self.prefetch)
        return found

    def first_radius(self, needed):
        """A radius (degrees of latitude) likely to hold `needed` services, or None where the
        box around it would be meaningless (near the poles)."""
        scale = longitude_scale(self.latitude)
        if scale < MINIMUM_SCALE:
            return None
        even = SPREAD_DEGREES * math.sqrt(needed / (math.pi * self.count()))
        return max(MINIMUM_RADIUS_DEGREES, FIRST_RADIUS_FACTOR * even)

    def within(self, radius):
        """The services with a public location within `radius`, nearest first."""
        # The box holds the circle, with a margin so that rounding never leaves out a
        # location the distance test below keeps.
        half_height = radius * 1.001
        half_width = half_height / longitude_scale(self.latitude)
        in_box = Location.objects.filter(
            is_confidential=False,
            latitude__range=(self.latitude - half_height, self.latitude + half_height),
            longitude__range=(self.longitude - half_width, self.longitude + half_width),
        ).values("service_id")
        candidates = self.services.filter(pk__in=in_box)
        return order_by_distance(candidates, self.latitude, self.longitude).filter(
            squared_distance__lte=radius * radius
        )
