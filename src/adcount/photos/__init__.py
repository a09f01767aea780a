"""photos"""
