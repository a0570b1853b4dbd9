from __future__ import nested_scopez
