"""A trial module for a Twisted worker driven by a Java manager built from imported declarations."""

from twisted.trial import unittest


class Reports(unittest.TestCase):
    def test_pass(self):
        print("printed by test_pass")

    def test_fail(self):
        self.assertEqual(2 + 2, 5, "arithmetic, on purpose")

    def test_error(self):
        raise ValueError("an error, on purpose")

    def test_skip(self):
        raise unittest.SkipTest("skipped, on purpose")

    def test_todo(self):
        self.fail("not done yet")

    test_todo.todo = "known broken"
