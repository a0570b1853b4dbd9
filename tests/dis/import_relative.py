from . import sibling
from .. import parent
from .pkg.mod import name
