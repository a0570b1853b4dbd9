import os
import os.path
import os.path as osp
import collections.abc as cabc
from os import path
from os import path as p, sep
from collections import (
    OrderedDict,
    defaultdict,
)
