"""Prints the amp.Command classes of Python modules as Twisted sees them, as tab-separated lines.

    describe_commands.py DIRECTORY MODULE...     (DIRECTORY goes first on sys.path)

For each command, sorted by wire name:

    command   MODULE NAME requiresAnswer=True|False quits=True|False errors=[...] fatalErrors=[...]
    argument  MODULE NAME KEY TYPE optional=True|False      (one per argument, in declaration order)
    response  MODULE NAME KEY TYPE optional=True|False      (one per response field)

A TYPE is the amp.Argument class's name, with the element type for ListOf and the fields for AmpList.
"""

import importlib
import sys

from twisted.protocols import amp


def argument_type(argument):
    if isinstance(argument, amp.ListOf):
        return "ListOf(%s)" % argument_type(argument.elementType)
    if isinstance(argument, amp.AmpList):
        return "AmpList(%s)" % ", ".join(
            "%s: %s%s" % (key.decode("utf-8"), argument_type(sub), "?" if sub.optional else "")
            for key, sub in argument.subargs)
    return type(argument).__name__


def errors(mapping):
    return sorted((code.decode("utf-8"), exception.__name__) for exception, code in mapping.items())


def main(directory, *names):
    sys.path.insert(0, directory)
    for name in names:
        module = importlib.import_module(name)
        found = []
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, amp.Command) and value.__module__ == module.__name__:
                found.append(value)
        for command in sorted(found, key=lambda c: c.commandName):
            wire = command.commandName.decode("utf-8")
            print("\t".join(["command", name, wire, "requiresAnswer=%s" % bool(command.requiresAnswer),
                             "quits=%s" % (command.responseType is amp.QuitBox), "errors=%s" % errors(command.errors),
                             "fatalErrors=%s" % errors(command.fatalErrors)]))
            for kind, pairs in (("argument", command.arguments), ("response", command.response)):
                for key, argument in pairs:
                    print("\t".join([kind, name, wire, key.decode("utf-8"), argument_type(argument),
                                     "optional=%s" % bool(argument.optional)]))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
