import factory

from core.validators import make_uscc
from registry.models import Designation, DesignationList, Division, Enterprise, GIProduct, Person


def _division(code):
    return factory.LazyFunction(lambda: Division.objects.get(code=code))


class EnterpriseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enterprise

    name = factory.Sequence(lambda n: f"测试企业{n:05d}有限公司")
    uscc = factory.Sequence(lambda n: make_uscc(f"91370783MA{n:07d}"))
    division = _division("370783")
    source = "test"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"测试人{n}")
    division = _division("370783")
    source = "test"


class DesignationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Designation

    designation_list = factory.LazyFunction(
        lambda: DesignationList.objects.get(code="good_products_shandong"))
    enterprise = factory.SubFactory(EnterpriseFactory)
    brand = factory.Sequence(lambda n: f"品牌{n}")
    year = 2024
    batch = 3
    designated_on = factory.LazyAttribute(lambda o: __import__("datetime").date(o.year, 5, 10))
    source = "test"


class GIProductFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GIProduct

    name = factory.Sequence(lambda n: f"测试地标产品{n}")
    category = "vegetable"
    approved_on = factory.LazyFunction(lambda: __import__("datetime").date(2024, 3, 1))
    source = "test"
