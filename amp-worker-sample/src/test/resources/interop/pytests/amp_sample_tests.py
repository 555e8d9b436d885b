"""
A small trial test module for the Java manager to run on Twisted's own worker (workertrial.py):
one test of each kind of result trial knows.
"""

from twisted.python import log
from twisted.trial import unittest


class SampleTests(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(4, 2 + 2)

    def test_logs(self):
        log.msg("hello from the python worker")

    def test_fail(self):
        self.fail("expected 5, got 4")

    def test_error(self):
        raise ValueError("python error, on purpose")

    def test_skip(self):
        raise unittest.SkipTest("skipping on purpose")

    def test_todo(self):
        self.fail("known broken")

    test_todo.todo = "known broken"  # type: ignore[attr-defined]

    def test_unexpected(self):
        pass

    test_unexpected.todo = "should fail"  # type: ignore[attr-defined]


class MoreTests(unittest.TestCase):
    def test_one(self):
        pass

    def test_two(self):
        pass
